using System.Text;

namespace Cortex.Queue.TensorFlow.Inspection;

/// <summary>Plain-text rendering of a <see cref="SavedModelReport"/> for the terminal.</summary>
public static class SavedModelReportFormatter
{
    public static string Format(SavedModelReport report)
    {
        var text = new StringBuilder();
        text.Append("SavedModel ").Append(report.Directory);
        if (report.Version is { } version)
        {
            text.Append(" (version ").Append(version).Append(')');
        }
        text.AppendLine();
        if (report.TensorFlowVersion is { } writer)
        {
            text.Append("  written by TensorFlow ").AppendLine(writer);
        }
        text.Append("  MetaGraph tag sets: ").AppendLine(string.Join("; ", report.TagSets.Select(t => "[" + string.Join(", ", t) + "]")));
        text.Append("  served tags: [").Append(string.Join(", ", report.ServedTags)).AppendLine("]");
        text.Append("  variables: ").Append(report.VariableCount).AppendLine();
        text.Append("  served signature: ").AppendLine(report.DefaultSignature is { } key
            ? $"'{key}' (Cortex rules; signature_key overrides)"
            : $"none by default: {report.DefaultSignatureError}");
        foreach (var signature in report.Signatures)
        {
            text.AppendLine();
            AppendSignature(text, signature);
        }
        return text.ToString();
    }

    private static void AppendSignature(StringBuilder text, SignatureReport signature)
    {
        text.Append("signature '").Append(signature.Key).Append('\'');
        if (signature.MethodName.Length > 0)
        {
            text.Append(" (method ").Append(signature.MethodName).Append(')');
        }
        text.AppendLine(signature.IsServable ? string.Empty : "  NOT SERVABLE");
        AppendTensors(text, "inputs", signature.Inputs);
        AppendTensors(text, "outputs", signature.Outputs);
        foreach (var step in signature.HostSteps)
        {
            text.Append("  before ONNX Runtime: ").AppendLine(step);
        }
        if (signature.Error is { } error)
        {
            text.Append("  error: ").AppendLine(error);
            return;
        }
        var unsupported = signature.Ops.Count(o => !o.Supported);
        text.Append("  ops (").Append(signature.Ops.Count).Append(", ")
            .Append(unsupported == 0 ? "all supported" : $"{unsupported} unsupported").AppendLine("):");
        var width = signature.Ops.Count == 0 ? 0 : signature.Ops.Max(o => o.Op.Length);
        foreach (var op in signature.Ops)
        {
            text.Append("    ").Append(op.Op.PadRight(width)).Append("  x").Append(op.Count);
            if (!op.Supported)
            {
                text.Append("  UNSUPPORTED: ").Append(string.Join(", ", op.Nodes.Take(3)));
                if (op.Nodes.Count > 3)
                {
                    text.Append(" and ").Append(op.Nodes.Count - 3).Append(" more");
                }
            }
            text.AppendLine();
        }
    }

    private static void AppendTensors(StringBuilder text, string title, IReadOnlyList<SignatureTensorReport> tensors)
    {
        text.Append("  ").Append(title).AppendLine(tensors.Count == 0 ? ": (none)" : ":");
        foreach (var tensor in tensors)
        {
            text.Append("    ").Append(tensor.Key).Append(": ").Append(tensor.DataType).Append(' ').Append(tensor.Shape)
                .Append("  (").Append(tensor.TensorFlowDataType).Append(", tensor ").Append(tensor.TensorName).AppendLine(")");
        }
    }
}
