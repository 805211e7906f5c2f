using Cortex.Queue.Deploy.Output;
using Cortex.Queue.Deploy.Rendering;
using k8s;

namespace Cortex.Queue.Deploy.Cluster;

/// <summary><c>cortex delete PATH</c>: deletes a rendering's objects in reverse apply order, so the namespace goes last.</summary>
public sealed class ManifestDeleter(IKubernetes client)
{
    private readonly ClusterObjectOperations _operations = new(client);

    public async Task<IReadOnlyList<DeletedObject>> DeleteAsync(RenderedManifests manifests, CancellationToken cancellationToken = default)
    {
        return await ClusterCalls.Guard(client, async () =>
        {
            // ScaledObjects first: KEDA stops scaling a worker before the worker disappears under it.
            var deleted = new List<DeletedObject>();
            foreach (var item in ManifestFiles.From(manifests).Reverse().SelectMany(file => file.Objects))
            {
                deleted.Add(new DeletedObject(item.Kind, item.Metadata.Name, await _operations.DeleteAsync(item, cancellationToken)));
            }
            return (IReadOnlyList<DeletedObject>)deleted;
        });
    }
}
