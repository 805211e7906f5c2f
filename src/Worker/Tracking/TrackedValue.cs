namespace Cortex.Queue.Worker.Tracking;

/// <summary>
/// What a tracker takes from one response: a class (classification), a number (regression), or the reason
/// neither could be read together with what was expected instead.
/// </summary>
public readonly record struct TrackedValue(string? Class, double? Number, string? Problem, string? Expected)
{
    public static TrackedValue None => default;

    public static TrackedValue OfClass(string value) => new(value, null, null, null);

    public static TrackedValue OfNumber(double value) => new(null, value, null, null);

    public static TrackedValue Unreadable(string problem, string expected) => new(null, null, problem, expected);
}
