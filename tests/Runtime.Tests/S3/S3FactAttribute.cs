namespace Cortex.Queue.Runtime.Tests.S3;

/// <summary>A fact that runs against a local s3rver; reported as skipped, with the reason, where node or npm is missing.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (!NodeTools.Present)
        {
            Skip = "node and npm are needed to run the local S3 server (npm package s3rver) and were not found on PATH";
        }
    }
}
