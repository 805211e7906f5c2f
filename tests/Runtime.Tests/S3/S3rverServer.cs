using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.S3;
using Amazon.S3.Model;
using Cortex.Queue.Runtime.Sources;

namespace Cortex.Queue.Runtime.Tests.S3;

/// <summary>
/// A real S3-compatible server (s3rver) on a free loopback port with its data in a temp folder, stopped by its
/// process id on dispose. Started on first use, so a skipped test class never installs or starts it.
/// </summary>
public sealed class S3rverServer : IDisposable
{
    /// <summary>s3rver's built-in credentials; it checks request signatures against them.</summary>
    public const string AccessKey = "S3RVER";

    private readonly StringBuilder _log = new();
    private readonly Process _process;

    public S3rverServer()
    {
        DataFolder = Path.Combine(Path.GetTempPath(), "cortex-s3rver-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo(NodeTools.Node ?? "node")
        {
            ArgumentList = { S3rverInstallation.ServerScript, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--directory", DataFolder, "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening(port);
    }

    public string Endpoint { get; }

    public string DataFolder { get; }

    /// <summary>Settings that reach this server, as <c>CORTEX_S3_ENDPOINT</c> plus AWS credentials would.</summary>
    public S3ConnectionSettings Settings => new() { Endpoint = Endpoint, AccessKeyId = AccessKey, SecretAccessKey = AccessKey };

    /// <summary>Where s3rver keeps an object's bytes, so a test can damage an object at rest.</summary>
    public string ObjectFile(string bucket, string key) => Path.Combine([DataFolder, bucket, .. key.Split('/')]) + "._S3rver_object";

    public async Task CreateBucketAsync(string bucket)
    {
        using var client = Settings.CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
    }

    public async Task PutAsync(string bucket, string key, byte[] content)
    {
        using var client = Settings.CreateClient();
        using var body = new MemoryStream(content);
        // Chunked (aws-chunked) uploads are stored by s3rver with their chunk framing: send plain bodies.
        await client.PutObjectAsync(new PutObjectRequest { BucketName = bucket, Key = key, InputStream = body, UseChunkEncoding = false });
    }

    /// <summary>Uploads every file under <paramref name="folder"/> to <paramref name="prefix"/>/relative/path.</summary>
    public async Task PutFolderAsync(string bucket, string prefix, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file).Replace(Path.DirectorySeparatorChar, '/');
            await PutAsync(bucket, $"{prefix.TrimEnd('/')}/{relative}", await File.ReadAllBytesAsync(file));
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        finally
        {
            _process.Dispose();
            Directory.Delete(DataFolder, recursive: true);
        }
    }

    private void WaitUntilListening(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}:\n{Log()}");
            }
            try
            {
                using var probe = new TcpClient();
                probe.Connect(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }
        throw new InvalidOperationException($"s3rver did not listen on port {port} within 30 s:\n{Log()}");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }
}
