using System.CommandLine;
using System.Globalization;
using Search.Bench;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var data = new Option<FileInfo>("--data") { Description = "Corpus: gzip JSON lines (id, url, outlet, title, date, authors, topic, body).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var limit = new Option<int>("--limit") { Description = "Index only the first N articles (develop on a slice).", DefaultValueFactory = _ => int.MaxValue };
var scale = new Option<int>("--scale") { Description = "Also index the corpus N times over (distinct ids) and time term and phrase queries; 1 skips it.", DefaultValueFactory = _ => 1 };
var output = new Option<DirectoryInfo>("--out") { Description = "Folder for results (markdown, JSON) and the indexes built.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var perClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 30 };
var rounds = new Option<int>("--rounds") { Description = "Timed passes over each class's queries.", DefaultValueFactory = _ => 3 };
var seed = new Option<int>("--seed") { Description = "Seed of the query set.", DefaultValueFactory = _ => 42 };
var indexThreads = new Option<int>("--index-threads") { Description = "Threads adding to our IndexWriter (also timed with 1 when more). SQLite has one writer.", DefaultValueFactory = _ => Environment.ProcessorCount };
var httpSeconds = new Option<int>("--http-seconds") { Description = "Seconds per HTTP target and concurrency level.", DefaultValueFactory = _ => 10 };
var skipHttp = new Option<bool>("--skip-http") { Description = "Do not start the API." };
var reuseIndexes = new Option<bool>("--reuse-indexes") { Description = "Query the indexes a previous run left in --out (when each holds as many articles) instead of building them: no indexing rows. The Xapian build is slow (Python per article)." };
var reuseXapian = new Option<bool>("--reuse-xapian") { Description = "Build ours and FTS5 but keep the Xapian index a previous run left in --out when it holds as many articles (its build is slow: Python per article)." };
var bulkOnly = new Option<bool>("--bulk-only") { Description = "Build our index once, on the bulk path with --index-threads (skip the per-write and 1-thread builds)." };
var dumpHits = new Option<FileInfo?>("--dump-hits") { Description = "Write every query's full responses from our engine to this file (to diff product changes)." };

var root = new RootCommand("Benchmarks our Lucene.NET search against SQLite FTS5 on the same corpus and queries.")
{
    data, limit, scale, output, perClass, rounds, seed, indexThreads, httpSeconds, skipHttp, dumpHits, reuseIndexes, reuseXapian, bulkOnly,
};
root.SetAction((result, cancellationToken) => BenchRun.RunAsync(new BenchSettings(
    result.GetValue(data)!, result.GetValue(limit), Math.Max(1, result.GetValue(scale)), result.GetValue(output)!,
    result.GetValue(perClass), result.GetValue(rounds), result.GetValue(seed), Math.Max(1, result.GetValue(indexThreads)),
    TimeSpan.FromSeconds(result.GetValue(httpSeconds)), result.GetValue(skipHttp), result.GetValue(dumpHits), result.GetValue(reuseIndexes), result.GetValue(reuseXapian), result.GetValue(bulkOnly)), cancellationToken));
var relevanceData = new Option<DirectoryInfo>("--data") { Description = "Folder of relevance collections (each with docs.jsonl, queries.jsonl, qrels.tsv).", DefaultValueFactory = _ => new DirectoryInfo("../shared/data/relevance") };
var relevanceOut = new Option<DirectoryInfo>("--out") { Description = "Folder for relevance.md.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var relevance = new Command("relevance", "Ranking quality (nDCG@10, MAP, recall@100) of our search, SQLite FTS5 and ablations on classic test collections.") { relevanceData, relevanceOut };
relevance.SetAction(result => Search.Bench.Relevance.RelevanceEvaluation.Run(result.GetValue(relevanceData)!, result.GetValue(relevanceOut)!));
root.Subcommands.Add(relevance);
var insightsData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var insightsLimit = new Option<int>("--limit") { Description = "Index only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var insightsPerClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 20 };
var insightsRounds = new Option<int>("--rounds") { Description = "Timed passes (each query's variants alternate within a pass).", DefaultValueFactory = _ => 5 };
var insightsReuse = new Option<bool>("--reuse-index") { Description = "Open the index a previous run left in --out instead of rebuilding it (same --data and --limit)." };
var insightsCompare = new Option<int[]>("--compare-sample") { Description = "Sample sizes whose top-10 trending terms are compared, with the default's, against those of the largest sample (0: no comparison).", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [200] };
var insightsOut = new Option<DirectoryInfo>("--out") { Description = "Folder for insights.md and the index built.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var insights = new Command("insights", "What histogram=auto and terms=significant cost over the same uncached search (same queries, interleaved).")
{
    insightsData, insightsLimit, insightsPerClass, insightsRounds, insightsOut, insightsReuse, insightsCompare,
};
insights.SetAction(result => Search.Bench.Profiling.InsightsCost.Run(result.GetValue(insightsData)!, result.GetValue(insightsLimit),
    result.GetValue(insightsPerClass), result.GetValue(insightsRounds), result.GetValue(insightsOut)!, result.GetValue(insightsReuse),
    result.GetValue(insightsCompare) ?? []));
root.Subcommands.Add(insights);
var facetData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var facetLimit = new Option<int>("--limit") { Description = "Index only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var facetOut = new Option<DirectoryInfo>("--out") { Description = "Folder for the index (reused when it holds as many articles).", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var facetQueries = new Option<int>("--queries") { Description = "Broad single-term queries (words in 10-50 % of the articles).", DefaultValueFactory = _ => 30 };
var facetRounds = new Option<int>("--rounds") { Description = "Timed passes (facets on and off interleaved).", DefaultValueFactory = _ => 7 };
var facetDump = new Option<FileInfo?>("--dump") { Description = "Write every query's facet answer (also with its top outlet as filter) as JSON lines, to diff builds." };
var facetCost = new Command("facet-cost", "CPU the four facets add to broad single-term queries on an existing index (#23).") { facetData, facetLimit, facetOut, facetQueries, facetRounds, facetDump };
facetCost.SetAction(result => Search.Bench.Profiling.FacetCost.Run(result.GetValue(facetData)!, result.GetValue(facetLimit), result.GetValue(facetOut)!, Math.Max(1, result.GetValue(facetQueries)),
    Math.Max(1, result.GetValue(facetRounds)), result.GetValue(facetDump)));
root.Subcommands.Add(facetCost);
var ingestData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var ingestLimit = new Option<int>("--limit") { Description = "Use only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var ingestThreads = new Option<int>("--threads") { Description = "Threads for extraction and the bulk build (also timed with 1 when more).", DefaultValueFactory = _ => Environment.ProcessorCount };
var ingestSkipSteps = new Option<bool>("--skip-steps") { Description = "Do not time the extraction steps one by one (saves a pass over every step)." };
var ingestSettings = new Option<bool>("--compare-settings") { Description = "Also build with other RAM buffers and without compound files, straight through an IndexWriter." };
var ingestOut = new Option<DirectoryInfo>("--out") { Description = "Folder for the indexes built (deleted after each build).", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var ingestProfile = new Command("ingest-profile", "Where ingest spends CPU (#23): extraction per step and in parallel, the bulk build without extraction per part, and FTS5's build of the same articles.")
{
    ingestData, ingestLimit, ingestThreads, ingestSkipSteps, ingestSettings, ingestOut,
};
ingestProfile.SetAction(result => Search.Bench.Profiling.IngestProfile.Run(result.GetValue(ingestData)!, result.GetValue(ingestLimit), result.GetValue(ingestOut)!,
    Math.Max(1, result.GetValue(ingestThreads)), result.GetValue(ingestSkipSteps), result.GetValue(ingestSettings)));
root.Subcommands.Add(ingestProfile);
var alertsData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var alertsArticles = new Option<int>("--articles") { Description = "Articles ingested per timed run (as many again are loaded first as background).", DefaultValueFactory = _ => 5_000 };
var alertsCount = new Option<int>("--alerts") { Description = "Saved searches in the run with alerts.", DefaultValueFactory = _ => 10_000 };
var alertsRepeats = new Option<int>("--repeats") { Description = "Alternating rounds (a run with 0 and one with N alerts each); the median ratio is reported.", DefaultValueFactory = _ => 2 };
var alertsOut = new Option<DirectoryInfo>("--out") { Description = "Folder for alerts.md.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var alerts = new Command("alerts", "Ingest rate with 0 and with N saved searches matched at ingest.") { alertsData, alertsArticles, alertsCount, alertsRepeats, alertsOut };
alerts.SetAction(result => Search.Bench.Alerts.AlertBench.Run(result.GetValue(alertsData)!, result.GetValue(alertsArticles),
    result.GetValue(alertsCount), Math.Max(1, result.GetValue(alertsRepeats)), result.GetValue(alertsOut)!));
root.Subcommands.Add(alerts);
var fuzzRequests = new Option<int>("--requests") { Description = "Requests to send.", DefaultValueFactory = _ => 100_000 };
var fuzzSeed = new Option<int>("--seed") { Description = "Seed of the request generator (client i uses seed + i).", DefaultValueFactory = _ => 13 };
var fuzzClients = new Option<int>("--clients") { Description = "Concurrent clients (writes are sent one at a time so the model follows the server).", DefaultValueFactory = _ => 4 };
var fuzzShards = new Option<int>("--shards") { Description = "Shards of the fresh index (1: one index).", DefaultValueFactory = _ => 1 };
var fuzzMode = new Option<Search.Bench.Sharding.ClusterBenchMode>("--mode") { Description = "none: one process; local: grains on an in-process silo; redis: --silos silo processes, clients spread over them.", DefaultValueFactory = _ => Search.Bench.Sharding.ClusterBenchMode.None };
var fuzzSilos = new Option<int>("--silos") { Description = "Silo processes (redis mode).", DefaultValueFactory = _ => 2 };
var fuzzReport = new Option<FileInfo>("--report") { Description = "Where to write the summary.", DefaultValueFactory = _ => new FileInfo("bench-results/fuzz.md") };
var fuzz = new Command("fuzz", "Sends generated hostile requests to a real server on a fresh index and checks: no 5xx, every 4xx is ProblemDetails, /health counts exactly what was acknowledged.")
{
    fuzzRequests, fuzzSeed, fuzzClients, fuzzShards, fuzzMode, fuzzSilos, fuzzReport,
};
fuzz.SetAction((result, cancellationToken) => Search.Bench.Fuzz.FuzzRun.RunAsync(
    result.GetValue(fuzzRequests), result.GetValue(fuzzSeed), Math.Max(1, result.GetValue(fuzzClients)),
    new Search.Bench.Fuzz.FuzzLayout(Math.Max(1, result.GetValue(fuzzShards)), result.GetValue(fuzzMode), Math.Max(1, result.GetValue(fuzzSilos))), result.GetValue(fuzzReport)!, cancellationToken));
root.Subcommands.Add(fuzz);
var approxData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var approxLimit = new Option<int>("--limit") { Description = "Index only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var approxShards = new Option<int>("--shards") { Description = "Shards compared with one index.", DefaultValueFactory = _ => 4 };
var approxPerClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 20 };
var approxSamples = new Option<int>("--samples") { Description = "Articles asked for similar ones, and prefixes completed.", DefaultValueFactory = _ => 200 };
var approxOut = new Option<DirectoryInfo>("--out") { Description = "Folder for shard-approximations.md and the indexes built (reused when they hold the corpus).", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var approx = new Command("shard-approximations", "How far collapse=story, expand=prf, fuzzy terms, similar articles and /suggest on N shards stray from one index (#15).")
{
    approxData, approxLimit, approxShards, approxPerClass, approxSamples, approxOut,
};
approx.SetAction((result, cancellationToken) => Search.Bench.Sharding.ShardApproximations.RunAsync(result.GetValue(approxData)!, result.GetValue(approxLimit),
    Math.Max(2, result.GetValue(approxShards)), result.GetValue(approxPerClass), Math.Max(1, result.GetValue(approxSamples)), result.GetValue(approxOut)!, cancellationToken));
root.Subcommands.Add(approx);
var shardsData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var shardsLimit = new Option<int>("--limit") { Description = "Index only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var shardsScale = new Option<int>("--scale") { Description = "Index the corpus N times over (distinct ids \"id~k\", same texts, as the main bench's --scale).", DefaultValueFactory = _ => 1 };
var shardsCounts = new Option<string>("--shards") { Description = "Shard counts to compare, comma-separated (the first is the reference).", DefaultValueFactory = _ => "1,4" };
var shardsPerClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 20 };
var shardsRounds = new Option<int>("--rounds") { Description = "Timed passes.", DefaultValueFactory = _ => 3 };
var shardsOut = new Option<DirectoryInfo>("--out") { Description = "Folder for shards.md and the indexes built.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var shardsCommand = new Command("shards", "One index against N shards in one process (#15): ingest rate, disk and heap per shard, per-class p50 and CPU per query.")
{
    shardsData, shardsLimit, shardsScale, shardsCounts, shardsPerClass, shardsRounds, shardsOut,
};
shardsCommand.SetAction((result, cancellationToken) => Search.Bench.Sharding.ShardBench.RunAsync(result.GetValue(shardsData)!, result.GetValue(shardsLimit), Math.Max(1, result.GetValue(shardsScale)),
    [.. result.GetValue(shardsCounts)!.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))],
    result.GetValue(shardsPerClass), result.GetValue(shardsRounds), result.GetValue(shardsOut)!, cancellationToken));
root.Subcommands.Add(shardsCommand);
var clusterData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var clusterLimit = new Option<int>("--limit") { Description = "Use only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var clusterScale = new Option<int>("--scale") { Description = "The corpus N times over (distinct ids, same texts); queries come from the base corpus.", DefaultValueFactory = _ => 1 };
var clusterMode = new Option<Search.Bench.Sharding.ClusterBenchMode>("--mode") { Description = "none: shards in one process; local: grains on an in-process silo; redis: --silos silo processes.", DefaultValueFactory = _ => Search.Bench.Sharding.ClusterBenchMode.Redis };
var clusterSilos = new Option<int>("--silos") { Description = "Silo processes (redis mode).", DefaultValueFactory = _ => 2 };
var clusterShards = new Option<int>("--shards") { Description = "Shards of the index.", DefaultValueFactory = _ => 4 };
var clusterIndex = new Option<DirectoryInfo?>("--index") { Description = "Serve this index (built before with as many shards, e.g. by the shards command) instead of ingesting over the API." };
var clusterPerClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 20 };
var clusterRounds = new Option<int>("--rounds") { Description = "Timed passes.", DefaultValueFactory = _ => 3 };
var clusterOut = new Option<DirectoryInfo>("--out") { Description = "Folder for cluster-*.md, tops-*.json and the index built.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var clusterCommand = new Command("cluster", "The sharded index served by real servers (#15): bulk ingest over HTTP, per-class p50/p95 and server CPU per query.")
{
    clusterData, clusterLimit, clusterScale, clusterMode, clusterSilos, clusterShards, clusterIndex, clusterPerClass, clusterRounds, clusterOut,
};
clusterCommand.SetAction((result, cancellationToken) => Search.Bench.Sharding.ClusterBench.RunAsync(new Search.Bench.Sharding.ClusterBenchSettings(
    result.GetValue(clusterData)!, result.GetValue(clusterLimit), Math.Max(1, result.GetValue(clusterScale)), result.GetValue(clusterMode),
    Math.Max(1, result.GetValue(clusterSilos)), Math.Max(1, result.GetValue(clusterShards)), result.GetValue(clusterIndex),
    result.GetValue(clusterPerClass), result.GetValue(clusterRounds), result.GetValue(clusterOut)!), cancellationToken));
root.Subcommands.Add(clusterCommand);
var hopData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var hopLimit = new Option<int>("--limit") { Description = "Index only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var hopShards = new Option<int>("--shards") { Description = "Shards.", DefaultValueFactory = _ => 4 };
var hopPerClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 20 };
var hopRounds = new Option<int>("--rounds") { Description = "Timed passes.", DefaultValueFactory = _ => 3 };
var hopOut = new Option<DirectoryInfo>("--out") { Description = "Folder for hop-N.md and the index (reused when there).", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var hopCommand = new Command("hop", "Per search phase on N shards in one process: shard CPU, and the CPU and bytes of copying each shard message through the grain serializer (#15, #22).")
{
    hopData, hopLimit, hopShards, hopPerClass, hopRounds, hopOut,
};
hopCommand.SetAction((result, cancellationToken) => Search.Bench.Sharding.HopBench.RunAsync(result.GetValue(hopData)!, result.GetValue(hopLimit),
    Math.Max(1, result.GetValue(hopShards)), result.GetValue(hopPerClass), result.GetValue(hopRounds), result.GetValue(hopOut)!, cancellationToken));
root.Subcommands.Add(hopCommand);
return await root.Parse(args).InvokeAsync();
