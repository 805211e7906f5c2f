namespace Cortex.Queue.Storage;

/// <summary>Where an async prediction request is in its life; see <see cref="AsyncStatusWireNames"/> for the names clients see.</summary>
public enum AsyncStatus
{
    InQueue,
    InProgress,
    Completed,
    Failed,
}
