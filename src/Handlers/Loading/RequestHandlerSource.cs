using Cortex.Queue.Config;

namespace Cortex.Queue.Handlers.Loading;

/// <summary>
/// Where an API's handler comes from, read from <c>request_handler:</c>: a C# file compiled at start
/// (<c>handler.cs</c>), or a built assembly (<c>handler.dll</c>, or <c>handler.dll:My.Namespace.MyHandler</c> to
/// pick one of several handler classes).
/// </summary>
public sealed record RequestHandlerSource(string FilePath, string DisplayName, string? TypeName, bool IsAssembly)
{
    private const string AssemblyMarker = ".dll:";

    /// <summary>Null when the API has no request handler.</summary>
    public static RequestHandlerSource? For(ApiConfig api)
    {
        if (api.Model.RequestHandler is not { } written || api.Model.RequestHandlerPath is not { } resolved)
        {
            return null;
        }
        var (displayName, _) = SplitTypeName(written);
        var (filePath, typeName) = SplitTypeName(resolved);
        return new RequestHandlerSource(filePath, displayName, typeName, filePath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Splits <c>handler.dll:Type.Name</c>; any other value is a plain path.</summary>
    public static (string Path, string? TypeName) SplitTypeName(string value)
    {
        var marker = value.LastIndexOf(AssemblyMarker, StringComparison.OrdinalIgnoreCase);
        if (marker < 0)
        {
            return (value, null);
        }
        var typeName = value[(marker + AssemblyMarker.Length)..].Trim();
        return (value[..(marker + AssemblyMarker.Length - 1)], typeName.Length == 0 ? null : typeName);
    }
}
