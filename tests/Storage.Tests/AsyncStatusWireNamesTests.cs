namespace Cortex.Queue.Storage.Tests;

public sealed class AsyncStatusWireNamesTests
{
    [Theory]
    [InlineData(AsyncStatus.InQueue, "in_queue")]
    [InlineData(AsyncStatus.InProgress, "in_progress")]
    [InlineData(AsyncStatus.Completed, "completed")]
    [InlineData(AsyncStatus.Failed, "failed")]
    public void Each_status_has_the_wire_name_clients_see_and_parses_back(AsyncStatus status, string wireName)
    {
        Assert.Equal(wireName, status.ToWireName());
        Assert.Equal(status, AsyncStatusWireNames.Parse(wireName));
    }

    [Fact]
    public void An_unknown_wire_name_is_rejected_with_the_valid_names()
    {
        var error = Assert.Throws<FormatException>(() => AsyncStatusWireNames.Parse("InProgress"));

        Assert.Contains("in_progress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_completed_and_failed_count_as_finished()
    {
        Assert.True(AsyncStatus.Completed.IsFinished());
        Assert.True(AsyncStatus.Failed.IsFinished());
        Assert.False(AsyncStatus.InQueue.IsFinished());
        Assert.False(AsyncStatus.InProgress.IsFinished());
    }
}
