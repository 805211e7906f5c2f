using System.Net;
using System.Text.Json;
using Cortex.Queue.Deploy.Keda;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary>
/// Read, server-side apply and delete for the kinds Cortex renders. Built-in kinds go through their typed clients; the
/// KEDA kinds through the generic custom-object API. Every apply is a PATCH with <c>application/apply-patch+yaml</c>,
/// field manager <see cref="FieldManager"/> and force, so Cortex owns the fields it renders even if someone edited them.
/// </summary>
public sealed class ClusterObjectOperations(IKubernetes client)
{
    public const string FieldManager = "cortex";

    private const string KedaGroup = "keda.sh";
    private const string KedaVersion = "v1alpha1";

    /// <summary>The live object's versions, or null when it does not exist.</summary>
    public async Task<ObjectVersion?> ReadAsync(IKubernetesObject<V1ObjectMeta> item, CancellationToken cancellationToken)
    {
        var (name, ns) = (item.Metadata.Name, item.Metadata.NamespaceProperty);
        try
        {
            return item switch
            {
                V1Namespace => Version(await client.CoreV1.ReadNamespaceAsync(name, cancellationToken: cancellationToken)),
                V1ConfigMap => Version(await client.CoreV1.ReadNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken)),
                V1Service => Version(await client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken)),
                V1Deployment => Version(await client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken)),
                _ => Version(await client.CustomObjects.GetNamespacedCustomObjectAsync(
                    KedaGroup, KedaVersion, ns, KedaPlural(item), name, cancellationToken)),
            };
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Server-side applies ITEM and returns the versions the API server answered with.</summary>
    public async Task<ObjectVersion> ApplyAsync(IKubernetesObject<V1ObjectMeta> item, CancellationToken cancellationToken)
    {
        var (name, ns) = (item.Metadata.Name, item.Metadata.NamespaceProperty);
        // JSON is YAML, so the serialised object is a valid apply-patch+yaml body.
        var patch = new V1Patch(KubernetesJson.Serialize(item), V1Patch.PatchType.ApplyPatch);
        try
        {
            return await PatchAsync(item, patch, cancellationToken);
        }
        catch (HttpOperationException exception)
        {
            throw new ClusterOperationException(
                $"the API server refused to apply {item.Kind} {(ns is null ? name : $"{ns}/{name}")}: {(int)exception.Response.StatusCode} {ServerMessage(exception)}", exception);
        }
    }

    private async Task<ObjectVersion> PatchAsync(IKubernetesObject<V1ObjectMeta> item, V1Patch patch, CancellationToken cancellationToken)
    {
        var (name, ns) = (item.Metadata.Name, item.Metadata.NamespaceProperty);
        return item switch
        {
            V1Namespace => Version(await client.CoreV1.PatchNamespaceAsync(
                patch, name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)),
            V1ConfigMap => Version(await client.CoreV1.PatchNamespacedConfigMapAsync(
                patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)),
            V1Service => Version(await client.CoreV1.PatchNamespacedServiceAsync(
                patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)),
            V1Deployment => Version(await client.AppsV1.PatchNamespacedDeploymentAsync(
                patch, name, ns, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)),
            _ => Version(await client.CustomObjects.PatchNamespacedCustomObjectAsync(
                patch, KedaGroup, KedaVersion, ns, KedaPlural(item), name, fieldManager: FieldManager, force: true, cancellationToken: cancellationToken)),
        };
    }

    public async Task<DeleteOutcome> DeleteAsync(IKubernetesObject<V1ObjectMeta> item, CancellationToken cancellationToken)
    {
        var (name, ns) = (item.Metadata.Name, item.Metadata.NamespaceProperty);
        try
        {
            switch (item)
            {
                case V1Namespace:
                    await client.CoreV1.DeleteNamespaceAsync(name, cancellationToken: cancellationToken);
                    break;
                case V1ConfigMap:
                    await client.CoreV1.DeleteNamespacedConfigMapAsync(name, ns, cancellationToken: cancellationToken);
                    break;
                case V1Service:
                    await client.CoreV1.DeleteNamespacedServiceAsync(name, ns, cancellationToken: cancellationToken);
                    break;
                case V1Deployment:
                    await client.AppsV1.DeleteNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken);
                    break;
                default:
                    await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                        KedaGroup, KedaVersion, ns, KedaPlural(item), name, cancellationToken: cancellationToken);
                    break;
            }
            return DeleteOutcome.Deleted;
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return DeleteOutcome.NotFound;
        }
    }

    /// <summary>
    /// Throws <see cref="ClusterOperationException"/> unless the API server serves KEDA's ScaledObject kind, so a deploy
    /// stops before applying anything rather than halfway through.
    /// </summary>
    public async Task EnsureKedaInstalledAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.ListClusterCustomObjectAsync(KedaGroup, KedaVersion, "scaledobjects", limit: 1, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new ClusterOperationException(
                $"KEDA is not installed in this cluster: the API server does not serve {KedaGroup}/{KedaVersion} scaledobjects. " +
                "Install KEDA (its CRDs and operator), e.g. `helm repo add kedacore https://kedacore.github.io/charts && " +
                "helm install keda kedacore/keda --namespace keda --create-namespace`, then deploy again.",
                exception);
        }
    }

    /// <summary>The live worker Deployment's versions and replica counts, or null when it does not exist.</summary>
    public async Task<ObjectVersion?> ReadDeploymentAsync(string name, string ns, CancellationToken cancellationToken)
    {
        try
        {
            return Version(await client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellationToken));
        }
        catch (HttpOperationException exception) when (exception.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The API server explains a refusal in the <c>message</c> of the Status it answers with.</summary>
    private static string ServerMessage(HttpOperationException exception)
    {
        try
        {
            using var status = JsonDocument.Parse(exception.Response.Content ?? "");
            if (status.RootElement.TryGetProperty("message", out var message) && message.GetString() is { Length: > 0 } text)
            {
                return text;
            }
        }
        catch (JsonException)
        {
            // not a Status object: fall back to the raw body below
        }
        return string.IsNullOrWhiteSpace(exception.Response.Content) ? exception.Message : exception.Response.Content;
    }

    private static string KedaPlural(IKubernetesObject<V1ObjectMeta> item) => item switch
    {
        ScaledObject => "scaledobjects",
        TriggerAuthentication => "triggerauthentications",
        _ => throw new ArgumentException($"Cortex does not render objects of kind {item.Kind}", nameof(item)),
    };

    private static ObjectVersion Version(V1Deployment deployment) =>
        new(deployment.Metadata?.ResourceVersion, deployment.Metadata?.Generation, deployment.Spec?.Replicas, deployment.Status?.AvailableReplicas);

    private static ObjectVersion Version(IMetadata<V1ObjectMeta> item) => new(item.Metadata?.ResourceVersion, item.Metadata?.Generation);

    /// <summary>The custom-object API answers untyped JSON; only the metadata matters here.</summary>
    private static ObjectVersion Version(object custom)
    {
        var json = custom is JsonElement element ? element : JsonSerializer.SerializeToElement(custom);
        if (!json.TryGetProperty("metadata", out var metadata))
        {
            return new ObjectVersion(null, null);
        }
        var resourceVersion = metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() : null;
        long? generation = metadata.TryGetProperty("generation", out var g) && g.ValueKind == JsonValueKind.Number ? g.GetInt64() : null;
        return new ObjectVersion(resourceVersion, generation);
    }
}
