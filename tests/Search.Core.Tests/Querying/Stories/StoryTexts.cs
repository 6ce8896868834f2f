namespace Search.Core.Tests.Querying.Stories;

/// <summary>A wire story, a lightly reworded copy of it inside another site's page, and an unrelated report on the same topic.</summary>
internal static class StoryTexts
{
    public const string Original = """
        Flood Barriers Fail As River Reaches Record Height

        The river that runs through the old market town rose to its highest level in a century on Tuesday, overwhelming temporary flood barriers and forcing hundreds of families from their homes before dawn.
        Emergency crews worked through the night to move elderly residents from riverside streets, while volunteers filled sandbags at the town hall and handed out blankets in the parish church.
        The regional water authority said the barriers had been designed for a lower peak and that engineers would examine why two sections gave way within minutes of each other.
        "We did everything we could with the equipment we had, and we will learn from what went wrong," the authority's chief engineer told reporters at a briefing near the bridge.
        Forecasters expect more rain over the coming days, and the council has asked people living near the water to keep emergency bags packed and to follow official updates.
        Insurance companies said they were sending assessors to the area and urged households to photograph the damage before starting any repairs.
        """;

    /// <summary>The same wire text with a few words changed, wrapped in a news site's menus, share buttons and footer.</summary>
    public const string WrappedCopy = """
        Home | World | Politics | Business | Sports | Contact Us
        Subscribe to our newsletter

        Flood Barriers Fail As River Hits Record Height

        Share on Facebook  Share on Twitter  Email
        The river that runs through the historic market town rose to its highest level in a century on Tuesday, overwhelming temporary flood defences and forcing hundreds of families from their homes before dawn.
        Emergency crews worked through the night to move elderly residents from riverside streets, while volunteers filled sandbags at the town hall and gave out blankets in the parish church.
        The regional water authority said the barriers had been built for a lower peak and that engineers would examine why two sections gave way within minutes of each other.
        "We did everything we could with the equipment we had, and we will learn from what went wrong," the authority's chief engineer told reporters at a briefing near the bridge.
        Forecasters expect more rain over the coming days, and the council has asked residents living near the water to keep emergency bags packed and to follow official updates.
        Insurance companies said they were sending assessors to the area and urged households to photograph the damage before beginning any repairs.
        This article originally appeared on Example Wire.
        Related Posts
        Copyright 2024 Riverside Daily. All rights reserved.
        """;

    /// <summary>Another outlet's own report of the same flood: same topic and names, different writing.</summary>
    public const string OwnReport = """
        Town Counts The Cost After Record Flood

        Residents returned on Wednesday to streets still covered in mud after the river burst through its barriers, and many found their ground floors ruined and their cars written off.
        Shop owners on the high street said the water reached waist height within an hour, leaving little time to save stock or records.
        Local officials praised the volunteers who filled sandbags through the night but questioned why the barriers were not built for a flood of this size.
        The water authority has promised a review, and the council said it would ask the government for emergency funding to help families who lack insurance.
        Meteorologists warned that the ground is saturated and that even moderate rain could cause further flooding in low-lying villages downstream.
        """;
}
