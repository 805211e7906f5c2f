namespace Cortex.Queue.Runtime.Loading;

/// <summary>
/// Which version TF Serving's <c>model_version_policy</c> serves out of the versions present: the highest
/// (<c>latest</c> with one version, the default) or the highest of a <c>specific</c> list.
/// </summary>
public static class ModelVersionPolicy
{
    /// <summary>
    /// Picks from <paramref name="available"/>; <paramref name="specific"/> null or empty means the highest. Throws
    /// <see cref="ModelLoadException"/> naming <paramref name="source"/>, the versions asked for and those present.
    /// </summary>
    public static long Select(IReadOnlyCollection<long> available, IReadOnlyList<long>? specific, string source)
    {
        ArgumentNullException.ThrowIfNull(available);
        if (available.Count == 0)
        {
            throw new ModelLoadException(specific is { Count: > 0 }
                ? $"{source} has no numeric version folders (1/, 2/, ...), so the specific versions {Listed(specific)} cannot be served"
                : $"{source} has no numeric version folders (1/, 2/, ...)");
        }
        if (specific is not { Count: > 0 })
        {
            return available.Max();
        }
        var present = available.ToHashSet();
        var chosen = specific.Where(present.Contains).DefaultIfEmpty(-1).Max();
        return chosen >= 0
            ? chosen
            : throw new ModelLoadException(
                $"none of the specific versions {Listed(specific)} exists in {source}; versions present: {Listed(available.Order())}");
    }

    private static string Listed(IEnumerable<long> versions) => "[" + string.Join(", ", versions) + "]";
}
