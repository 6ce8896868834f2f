namespace Search.Core.Querying.Timeline;

/// <summary>Width of a timeline bucket (<c>histogram=</c>); <see cref="Auto"/> picks one from the matches' date span.</summary>
[GenerateSerializer]
public enum HistogramInterval
{
    Day,
    Week,
    Month,
    Year,
    Auto,
}
