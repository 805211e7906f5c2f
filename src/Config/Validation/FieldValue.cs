using YamlDotNet.RepresentationModel;

namespace Cortex.Queue.Config.Validation;

/// <summary>One key's value as read: absent, valid, or invalid (already reported).</summary>
internal readonly record struct FieldValue<T>(FieldState State, T? Value, YamlNode? Node)
{
    public static FieldValue<T> Absent => default;

    public bool IsValid => State == FieldState.Valid;

    public bool IsInvalid => State == FieldState.Invalid;

    public static FieldValue<T> Valid(T value, YamlNode node) => new(FieldState.Valid, value, node);

    public static FieldValue<T> Invalid(YamlNode node) => new(FieldState.Invalid, default, node);

    public T Or(T fallback) => IsValid ? Value! : fallback;
}
