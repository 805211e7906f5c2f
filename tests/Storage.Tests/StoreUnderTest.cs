namespace Cortex.Queue.Storage.Tests;

/// <summary>A fresh async result store and prediction store of one kind, on a database of their own, cleaned up on dispose.</summary>
public sealed class StoreUnderTest : IDisposable
{
    private readonly TemporaryDatabaseFolder? _folder;
    private readonly PostgresTestDatabase? _postgres;
    private readonly List<IDisposable> _opened = [];

    public StoreUnderTest(string kind)
    {
        Kind = kind;
        if (kind == StoreKinds.Postgres)
        {
            _postgres = new PostgresTestDatabase();
        }
        else
        {
            _folder = new TemporaryDatabaseFolder();
        }
        AsyncResults = OpenAsyncResults();
        Predictions = OpenPredictions();
    }

    public string Kind { get; }

    public IAsyncResultStore AsyncResults { get; }

    public IPredictionStore Predictions { get; }

    /// <summary>A second store on the same database, as a restarted process would open it.</summary>
    public IAsyncResultStore OpenAsyncResults()
    {
        IAsyncResultStore store = _postgres is not null
            ? new PostgresAsyncResultStore(_postgres.DataSource)
            : new SqliteAsyncResultStore(_folder!.DatabasePath);
        _opened.Add((IDisposable)store);
        return store;
    }

    public IPredictionStore OpenPredictions()
    {
        IPredictionStore store = _postgres is not null
            ? new PostgresPredictionStore(_postgres.DataSource)
            : new SqlitePredictionStore(_folder!.DatabasePath);
        _opened.Add((IDisposable)store);
        return store;
    }

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }
        _postgres?.Dispose();
        _folder?.Dispose();
    }
}
