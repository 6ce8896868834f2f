using System.Reflection;
using Search.Core.Articles;
using Search.Core.Engine;

namespace Search.Core.Tests.Engine;

public sealed class ShardedWriterTests
{
    [Fact]
    public async Task ALineWhoseShardTimedOutSaysItsOutcomeIsUnknownNotThatItWasNotStored()
    {
        // A loaded shard can store a batch after the caller's timeout: "not stored" would be a false statement.
        var writer = new ShardedWriter([FailingShard.Create(new TimeoutException("Response did not arrive on time"))]);

        var results = await writer.WriteBatchAsync([Item("a"), Item("b")], waitUntilVisible: false);

        Assert.All(results, r =>
        {
            Assert.True(r.StorageFailed);
            Assert.Null(r.Outcome);
            Assert.Contains("may or may not be stored", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("Not stored", r.Error, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ALineWhoseShardCannotBeReachedIsNotAcknowledgedAndSaysToSendItAgain()
    {
        var writer = new ShardedWriter([FailingShard.Create(new InvalidOperationException("silo gone"))]);

        var results = await writer.WriteBatchAsync([Item("c")], waitUntilVisible: false);

        var result = Assert.Single(results);
        Assert.True(result.StorageFailed);
        Assert.Contains("could not be reached", result.Error, StringComparison.Ordinal);
        Assert.Contains("send the line again", result.Error, StringComparison.Ordinal);
    }

    private static ShardWriteItem Item(string id) =>
        new(new Article(id, null, "Title " + id, "Body of " + id, null, [], [], [], null), SpeakersGiven: false);

    /// <summary>A shard whose every call fails with the exception given (whatever methods <see cref="IShard"/> grows).</summary>
    public class FailingShard : DispatchProxy
    {
        private Exception _failure = new InvalidOperationException();

        public static IShard Create(Exception failure)
        {
            var shard = Create<IShard, FailingShard>();
            ((FailingShard)(object)shard)._failure = failure;
            return shard;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            var returnType = targetMethod!.ReturnType;
            if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
            {
                var fromException = typeof(Task).GetMethod(nameof(Task.FromException), 1, [typeof(Exception)])!.MakeGenericMethod(returnType.GetGenericArguments()[0]);
                return fromException.Invoke(null, [_failure]);
            }

            return returnType == typeof(Task) ? Task.FromException(_failure) : throw _failure;
        }
    }
}
