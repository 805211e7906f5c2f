using Cortex.Queue.Config;
using Cortex.Queue.Deploy.Keda;
using Cortex.Queue.Deploy.Output;
using Cortex.Queue.Deploy.Rendering;
using k8s;
using k8s.Models;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary><c>cortex deploy PATH</c>: server-side applies a rendering, namespace first, and reports what changed.</summary>
public sealed class ManifestApplier(IKubernetes client)
{
    private readonly ClusterObjectOperations _operations = new(client);

    public async Task<ApplyReport> ApplyAsync(CortexConfig config, RenderedManifests manifests, CancellationToken cancellationToken = default)
    {
        return await ClusterCalls.Guard(client, async () =>
        {
            await _operations.EnsureKedaInstalledAsync(cancellationToken);
            var scaledTargets = manifests.ScaledObjects.Select(s => s.Spec.ScaleTargetRef.Name).ToHashSet(StringComparer.Ordinal);
            var applied = new List<AppliedObject>();
            foreach (var item in ManifestFiles.From(manifests).SelectMany(file => file.Objects))
            {
                var before = await _operations.ReadAsync(item, cancellationToken);
                var desired = item is V1Deployment deployment && before is { Replicas: { } liveReplicas } && scaledTargets.Contains(deployment.Metadata.Name)
                    ? KeepingReplicas(deployment, liveReplicas)
                    : item;
                var after = await _operations.ApplyAsync(desired, cancellationToken);
                applied.Add(new AppliedObject(item.Kind, item.Metadata.Name, Outcome(before, after)));
            }
            return new ApplyReport(applied, [.. config.Apis.Select(api => Rollout(api, applied))]);
        });
    }

    /// <summary>
    /// KEDA owns the replica count of a scaled worker once it runs: re-applying <c>init_replicas</c> with force would undo
    /// its decision on every deploy, so an existing worker keeps the count it has.
    /// </summary>
    private static V1Deployment KeepingReplicas(V1Deployment deployment, int liveReplicas)
    {
        var copy = KubernetesJson.Deserialize<V1Deployment>(KubernetesJson.Serialize(deployment));
        copy.Spec.Replicas = liveReplicas;
        return copy;
    }

    private static ApplyOutcome Outcome(ObjectVersion? before, ObjectVersion after) =>
        before is null ? ApplyOutcome.Created
        : before.ResourceVersion == after.ResourceVersion && before.Generation == after.Generation ? ApplyOutcome.Unchanged
        : ApplyOutcome.Updated;

    private static ApiRolloutResult Rollout(ApiConfig api, IReadOnlyList<AppliedObject> applied)
    {
        var name = ManifestNames.Worker(api);
        var worker = applied.Single(o => o.Kind == V1Deployment.KubeKind && o.Name == name);
        var scaled = applied.Single(o => o.Kind == ScaledObject.KedaKind && o.Name == name);
        var rollout = worker.Outcome == ApplyOutcome.Created ? ApiRollout.Started
            : worker.Outcome == ApplyOutcome.Unchanged && scaled.Outcome == ApplyOutcome.Unchanged ? ApiRollout.UpToDate
            : ApiRollout.Updated;
        return new ApiRolloutResult(api.Name, rollout);
    }
}
