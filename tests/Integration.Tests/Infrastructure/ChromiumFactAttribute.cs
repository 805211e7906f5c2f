namespace Cortex.Queue.Integration.Tests.Infrastructure;

/// <summary>A test that drives headless Chromium; skipped, saying so, where the browser is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Executable is null)
        {
            Skip = $"needs Chromium at {HeadlessChromium.ExpectedPath}: apt-get install chromium (scripts/test.sh installs it when run as root)";
        }
    }
}
