using System.Net;
using System.Net.Sockets;
using Cortex.Queue.Cli.Tests.Support;
using Cortex.Queue.Runtime.Tests.Fixtures;

namespace Cortex.Queue.Cli.Tests;

public sealed class UpCommandTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();
    private readonly CliRunner _cli;

    public UpCommandTests() => _cli = new CliRunner(_folder.Combine("cache"));

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Up_on_a_port_already_in_use_says_so_in_one_line_and_exits_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = _cli.Run("up", TestPaths.InRepository("examples", "iris-classifier"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains($"port {port} on 127.0.0.1 is already in use", result.Error);
        Assert.Contains("--port N", result.Error);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
