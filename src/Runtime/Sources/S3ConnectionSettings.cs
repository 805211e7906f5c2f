using Amazon;
using Amazon.Runtime;
using Amazon.S3;

namespace Cortex.Queue.Runtime.Sources;

/// <summary>
/// How to reach S3: an endpoint override for S3-compatible servers (MinIO, s3rver, Ceph), the region, and
/// credentials. Unset credentials fall back to the AWS SDK's own chain (profiles, instance roles).
/// </summary>
public sealed record S3ConnectionSettings
{
    /// <summary>Cortex's variable for an S3-compatible endpoint ("http://127.0.0.1:9000"); wins over <see cref="AwsEndpointVariable"/>.</summary>
    public const string EndpointVariable = "CORTEX_S3_ENDPOINT";

    /// <summary>The AWS tools' service-specific endpoint variable.</summary>
    public const string AwsEndpointVariable = "AWS_ENDPOINT_URL_S3";

    private const string DefaultRegion = "us-east-1";

    /// <summary>Endpoint URL; null talks to AWS S3 itself.</summary>
    public string? Endpoint { get; init; }

    public string? Region { get; init; }

    public string? AccessKeyId { get; init; }

    public string? SecretAccessKey { get; init; }

    public string? SessionToken { get; init; }

    /// <summary>Reads <c>CORTEX_S3_ENDPOINT</c> (or <c>AWS_ENDPOINT_URL_S3</c>), <c>AWS_REGION</c> (or <c>AWS_DEFAULT_REGION</c>), <c>AWS_ACCESS_KEY_ID</c>, <c>AWS_SECRET_ACCESS_KEY</c>, <c>AWS_SESSION_TOKEN</c>.</summary>
    public static S3ConnectionSettings FromEnvironment() => new()
    {
        Endpoint = Variable(EndpointVariable) ?? Variable(AwsEndpointVariable),
        Region = Variable("AWS_REGION") ?? Variable("AWS_DEFAULT_REGION"),
        AccessKeyId = Variable("AWS_ACCESS_KEY_ID"),
        SecretAccessKey = Variable("AWS_SECRET_ACCESS_KEY"),
        SessionToken = Variable("AWS_SESSION_TOKEN"),
    };

    /// <summary>How errors name the server: the endpoint, or "AWS S3 (region)".</summary>
    public string Describe() => Endpoint ?? $"AWS S3 ({Region ?? DefaultRegion})";

    public AmazonS3Client CreateClient()
    {
        var config = new AmazonS3Config();
        if (Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = Region ?? DefaultRegion;
            // S3-compatible servers rarely resolve bucket subdomains, and many do not implement the SDK's newer
            // checksum headers; path-style requests with checksums only where required work everywhere.
            config.ForcePathStyle = true;
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(Region ?? DefaultRegion);
        }
        if (AccessKeyId is { } accessKey && SecretAccessKey is { } secretKey)
        {
            AWSCredentials credentials = SessionToken is { } token
                ? new SessionAWSCredentials(accessKey, secretKey, token)
                : new BasicAWSCredentials(accessKey, secretKey);
            return new AmazonS3Client(credentials, config);
        }
        return new AmazonS3Client(config);
    }

    private static string? Variable(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
