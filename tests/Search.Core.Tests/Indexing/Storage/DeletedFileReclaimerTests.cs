using Search.Core.Indexing.Storage;

namespace Search.Core.Tests.Indexing.Storage;

public sealed class DeletedFileReclaimerTests
{
    private readonly ManualClock _clock = new();
    private long _waiting;
    private int _reclaims;

    private DeletedFileReclaimer Reclaimer(long threshold) =>
        new(() => _waiting, Reclaim, _clock) { ThresholdBytes = threshold, Interval = TimeSpan.FromMinutes(1), UrgentInterval = TimeSpan.FromSeconds(5) };

    private long Reclaim()
    {
        _reclaims++;
        var freed = _waiting;
        _waiting = 0;
        return freed;
    }

    [Fact]
    public void ARoutineReclaimWaitsForTheThresholdAndThenForTheInterval()
    {
        var reclaimer = Reclaimer(threshold: 3000);

        _waiting = 2000;
        Assert.Equal(0, reclaimer.MaybeReclaim(urgent: false));
        Assert.Equal(0, _reclaims);

        _waiting = 4000;
        Assert.Equal(4000, reclaimer.MaybeReclaim(urgent: false));

        _waiting = 4000;
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, reclaimer.MaybeReclaim(urgent: false));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(4000, reclaimer.MaybeReclaim(urgent: false));
        Assert.Equal(2, _reclaims);
    }

    [Fact]
    public void AnUrgentReclaimFreesAnyAmountAtItsShorterInterval()
    {
        var reclaimer = Reclaimer(threshold: 1 << 30);

        _waiting = 100;
        Assert.Equal(0, reclaimer.MaybeReclaim(urgent: false));
        Assert.Equal(100, reclaimer.MaybeReclaim(urgent: true));

        _waiting = 100;
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, reclaimer.MaybeReclaim(urgent: true));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(100, reclaimer.MaybeReclaim(urgent: true));
    }

    [Fact]
    public void NothingWaitingCostsNoCollectionHoweverUrgent()
    {
        var reclaimer = Reclaimer(threshold: 0);
        Assert.Equal(0, reclaimer.MaybeReclaim(urgent: true));
        Assert.Equal(0, reclaimer.MaybeReclaim(urgent: false));
        Assert.Equal(0, _reclaims);
    }

    [Fact]
    public void AnAttemptThatFreedNothingStillWaitsAFullInterval()
    {
        var calls = 0;
        var counting = new DeletedFileReclaimer(() => 10_000, () => { calls++; return 0; }, _clock) { ThresholdBytes = 1, Interval = TimeSpan.FromMinutes(1) };
        counting.MaybeReclaim(urgent: false);
        _clock.Advance(TimeSpan.FromSeconds(30));
        counting.MaybeReclaim(urgent: false);
        Assert.Equal(1, calls);
    }

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
