using System.Security.Cryptography;

namespace Cortex.Queue.Ingress.Dashboard;

/// <summary>
/// The dashboard's page, script and style sheet, compiled into the ingress assembly so the page needs no
/// files beside the binary and no internet access.
/// </summary>
public static class DashboardAssets
{
    private const string ResourcePrefix = "dashboard/";

    private static readonly IReadOnlyDictionary<string, DashboardAsset> Assets = Load();

    /// <summary>The asset called <paramref name="name"/> (such as <c>dashboard.js</c>), or null when there is none.</summary>
    public static DashboardAsset? Find(string name) => Assets.GetValueOrDefault(name);

    private static Dictionary<string, DashboardAsset> Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, DashboardAsset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(name => name.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var etag = "\"" + Convert.ToHexString(SHA256.HashData(content))[..16] + "\"";
            assets[name] = new DashboardAsset(name, ContentTypeOf(name), content, etag);
        }
        return assets;
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        _ => "application/octet-stream",
    };
}
