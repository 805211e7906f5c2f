using Npgsql;

namespace Cortex.Queue.Storage;

/// <summary>
/// Runs <see cref="PostgresSchema.EnsureAsync"/> once per store, lazily: a store can be built while PostgreSQL is
/// down and starts working when it comes back. A failed attempt is retried by the next caller.
/// </summary>
public sealed class PostgresSchemaGate(NpgsqlDataSource dataSource) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (_ready)
        {
            return;
        }
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await PostgresSchema.EnsureAsync(dataSource, ct).ConfigureAwait(false);
                _ready = true;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
