namespace Cortex.Queue.Config.Validation;

internal enum FieldState
{
    /// <summary>Not in the file (or given as an empty value where that means "use the default").</summary>
    Absent,

    Valid,

    /// <summary>Given but wrong; the error is already reported, and checks that combine fields skip it.</summary>
    Invalid,
}
