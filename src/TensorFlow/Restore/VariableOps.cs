namespace Cortex.Queue.TensorFlow.Restore;

/// <summary>Op names of variables and of the ops that read or write them.</summary>
public static class VariableOps
{
    /// <summary>Nodes that own a variable: TF1 ref variables and resource handles.</summary>
    public static bool IsVariable(string op) => op is "VariableV2" or "Variable" or "VarHandleOp";

    public static bool IsAssignment(string op) => op is "Assign" or "AssignVariableOp";

    public static bool IsRestore(string op) => op is "RestoreV2";

    /// <summary>Ops that pass their first input through unchanged (for following a value to where it came from).</summary>
    public static bool IsPassThrough(string op) => op is "Identity" or "Snapshot" or "StopGradient";
}
