#!/usr/bin/python3
"""Xapian peer of the benchmark: one child process per session, speaking JSON lines on stdin/stdout.

Run by XapianEngine (src/Search.Bench/Engines/XapianEngine.cs) as `/usr/bin/python3 xapian_peer.py`, with
Debian's python3-xapian (apt-get install -y python3-xapian). Every request is one JSON object on one line and
gets exactly one JSON line back; a failed request answers {"error": "..."} and the peer keeps serving.

  {"op": "hello"}                                  -> {"version": "1.4.22"}
  {"op": "build", "path": P}  then one article per line ({"id","title","body","outlet","published","speakers","sources"}) and
                              one empty line        -> {"docs": N, "cpu": seconds of this process's CPU}
  {"op": "open", "path": P}                         -> {"docs": N}
  {"op": "query", "words": [...], "phrase": bool, "slop": n, "outlet": s|null, "page": p,
   "sort": "relevance"|"date", "facets": bool}      -> {"total": n, "ids": [...], "facets": n, "ms": t, "cpu_ms": c}

Facets ("facets": true) are the four our /search counts by default: outlet and month by ValueCountMatchSpy on
their value slots; speakers and sources (our extracted ones, also boolean terms XS/XR for filtering) by a
ValueCountMatchSpy on a slot holding the article's values joined by US (0x1f): the spy counts each distinct
combination over every match in C++, and splitting the combinations afterwards gives every value's exact count
(Xapian 1.4 has no multi-valued count spy). Top 20 of each, like ours.

"ms" (wall) and "cpu_ms" (this thread's CPU) are the query's own time inside this process (from building the query to holding the page's ids and
titles), so pipe and JSON costs are not charged to Xapian. Analysis mirrors ours: the same Porter stemmer
(Xapian's "porter", the original algorithm Lucene's PorterStemFilter implements), no stop words, title and
body in one positional field with the title's words counted twice (our title^2).
"""

import json
import sys
import time

import xapian

OUTLET_SLOT, MONTH_SLOT, DATE_SLOT, SPEAKERS_SLOT, SOURCES_SLOT = 0, 1, 2, 3, 4
OUTLET_PREFIX = "XO"
SPEAKER_PREFIX = "XS"
SOURCE_PREFIX = "XR"
SEPARATOR = "\x1f"
PAGE_SIZE = 10
FACET_TOP = 20
# Positions between title and body, so a phrase never spans the two (Lucene keeps them in separate fields).
FIELD_GAP = 100


def stemmer():
    return xapian.Stem("porter")


def build(path, lines):
    # One commit at the end, like our bulk build and FTS5's one transaction.
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(stemmer())
    generator.set_stemming_strategy(xapian.TermGenerator.STEM_ALL)
    docs = 0
    db.begin_transaction(False)
    for line in lines:
        if not line.strip():
            break
        article = json.loads(line)
        doc = xapian.Document()
        generator.set_document(doc)
        title = article.get("title") or ""
        if title:
            generator.index_text(title, 2)
            generator.increase_termpos(FIELD_GAP)
        generator.index_text(article.get("body") or "")
        outlet = article.get("outlet")
        if outlet:
            doc.add_boolean_term(OUTLET_PREFIX + outlet)
            doc.add_value(OUTLET_SLOT, outlet)
        for slot, prefix, key in ((SPEAKERS_SLOT, SPEAKER_PREFIX, "speakers"), (SOURCES_SLOT, SOURCE_PREFIX, "sources")):
            values = sorted(set(article.get(key) or []))
            for value in values:
                doc.add_boolean_term(prefix + value)
            if values:
                doc.add_value(slot, SEPARATOR.join(values))
        published = article.get("published")
        if published:
            doc.add_value(MONTH_SLOT, published[:7])
            doc.add_value(DATE_SLOT, published)
        # The stored fields a result page shows: id and title, as ours loads them.
        doc.set_data(json.dumps({"id": article["id"], "title": title}))
        db.add_document(doc)
        docs += 1
    db.commit_transaction()
    db.close()
    return {"docs": docs, "cpu": time.process_time()}


class Searcher:
    def __init__(self, path):
        self.db = xapian.Database(path)
        self.stem = stemmer()
        self.doccount = self.db.get_doccount()

    def query(self, request):
        began = time.perf_counter()
        began_cpu = time.thread_time()
        terms = [self.stem(word.lower()) for word in request["words"]]
        if request.get("phrase"):
            slop = int(request.get("slop") or 0)
            if slop == 0:
                query = xapian.Query(xapian.Query.OP_PHRASE, terms, len(terms))
            else:
                # Lucene's "a b"~n lets the words sit up to n positions apart; NEAR is unordered, as FTS5's NEAR.
                query = xapian.Query(xapian.Query.OP_NEAR, terms, len(terms) + slop)
        else:
            query = xapian.Query(xapian.Query.OP_AND, terms)
        outlet = request.get("outlet")
        if outlet:
            query = xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(OUTLET_PREFIX + outlet))
        enquire = xapian.Enquire(self.db)
        enquire.set_query(query)
        if request.get("sort") == "date":
            enquire.set_sort_by_value_then_relevance(DATE_SLOT, True)
        spies = []
        multi = []
        if request.get("facets"):
            spies = [xapian.ValueCountMatchSpy(OUTLET_SLOT), xapian.ValueCountMatchSpy(MONTH_SLOT)]
            multi = [xapian.ValueCountMatchSpy(SPEAKERS_SLOT), xapian.ValueCountMatchSpy(SOURCES_SLOT)]
            for spy in spies + multi:
                enquire.add_matchspy(spy)
        first = (int(request.get("page") or 1) - 1) * PAGE_SIZE
        # checkatleast = every document: Xapian then counts every match exactly (and the spies see them all)
        # instead of estimating, which is the work our total and facet counts do.
        mset = enquire.get_mset(first, PAGE_SIZE, self.doccount)
        ids = []
        for match in mset:
            stored = json.loads(match.document.get_data())
            ids.append(stored["id"])
        facets = sum(len(list(spy.top_values(FACET_TOP))) for spy in spies)
        facets += sum(len(split_top(spy)) for spy in multi)
        total = mset.get_matches_estimated()
        ms = (time.perf_counter() - began) * 1000.0
        cpu_ms = (time.thread_time() - began_cpu) * 1000.0
        return {"total": total, "ids": ids, "facets": facets, "ms": ms, "cpu_ms": cpu_ms}


def split_top(spy):
    """Top values of a multi-valued slot: each combination's count goes to each of its values."""
    counts = {}
    for item in spy.values():
        for value in item.term.decode("utf-8").split(SEPARATOR):
            counts[value] = counts.get(value, 0) + item.termfreq
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:FACET_TOP]


def main():
    stdin = sys.stdin
    stdout = sys.stdout
    searcher = None
    for line in stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            op = request.get("op")
            if op == "hello":
                answer = {"version": xapian.version_string()}
            elif op == "build":
                answer = build(request["path"], stdin)
            elif op == "open":
                searcher = Searcher(request["path"])
                answer = {"docs": searcher.doccount}
            elif op == "query":
                if searcher is None:
                    raise ValueError("open an index first")
                answer = searcher.query(request)
            else:
                raise ValueError("unknown op %r" % op)
        except Exception as error:  # the peer answers every line, so the bench never waits forever
            answer = {"error": "%s: %s" % (type(error).__name__, error)}
        stdout.write(json.dumps(answer) + "\n")
        stdout.flush()


if __name__ == "__main__":
    main()
