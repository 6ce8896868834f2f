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
var dumpHits = new Option<FileInfo?>("--dump-hits") { Description = "Write every query's full responses from our engine to this file (to diff product changes)." };

var root = new RootCommand("Benchmarks our Lucene.NET search against SQLite FTS5 on the same corpus and queries.")
{
    data, limit, scale, output, perClass, rounds, seed, indexThreads, httpSeconds, skipHttp, dumpHits,
};
root.SetAction((result, cancellationToken) => BenchRun.RunAsync(new BenchSettings(
    result.GetValue(data)!, result.GetValue(limit), Math.Max(1, result.GetValue(scale)), result.GetValue(output)!,
    result.GetValue(perClass), result.GetValue(rounds), result.GetValue(seed), Math.Max(1, result.GetValue(indexThreads)),
    TimeSpan.FromSeconds(result.GetValue(httpSeconds)), result.GetValue(skipHttp), result.GetValue(dumpHits)), cancellationToken));
var relevanceData = new Option<DirectoryInfo>("--data") { Description = "Folder of relevance collections (each with docs.jsonl, queries.jsonl, qrels.tsv).", DefaultValueFactory = _ => new DirectoryInfo("../shared/data/relevance") };
var relevanceOut = new Option<DirectoryInfo>("--out") { Description = "Folder for relevance.md.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var relevance = new Command("relevance", "Ranking quality (nDCG@10, MAP, recall@100) of our search, SQLite FTS5 and ablations on classic test collections.") { relevanceData, relevanceOut };
relevance.SetAction(result => Search.Bench.Relevance.RelevanceEvaluation.Run(result.GetValue(relevanceData)!, result.GetValue(relevanceOut)!));
root.Subcommands.Add(relevance);
var insightsData = new Option<FileInfo>("--data") { Description = "Corpus (gzip JSON lines).", DefaultValueFactory = _ => new FileInfo("../shared/data/allsides-news.jsonl.gz") };
var insightsLimit = new Option<int>("--limit") { Description = "Index only the first N articles.", DefaultValueFactory = _ => int.MaxValue };
var insightsPerClass = new Option<int>("--per-class") { Description = "Queries per class (8 classes).", DefaultValueFactory = _ => 20 };
var insightsRounds = new Option<int>("--rounds") { Description = "Timed passes.", DefaultValueFactory = _ => 3 };
var insightsOut = new Option<DirectoryInfo>("--out") { Description = "Folder for insights.md and the index built.", DefaultValueFactory = _ => new DirectoryInfo("bench-results") };
var insights = new Command("insights", "What histogram=auto and terms=significant cost over the same uncached search (same queries, interleaved).")
{
    insightsData, insightsLimit, insightsPerClass, insightsRounds, insightsOut,
};
insights.SetAction(result => Search.Bench.Profiling.InsightsCost.Run(result.GetValue(insightsData)!, result.GetValue(insightsLimit),
    result.GetValue(insightsPerClass), result.GetValue(insightsRounds), result.GetValue(insightsOut)!));
root.Subcommands.Add(insights);
return await root.Parse(args).InvokeAsync();
