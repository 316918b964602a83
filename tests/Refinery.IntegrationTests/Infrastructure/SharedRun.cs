namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>
/// A run made once for every test of a class: xunit makes an instance per test, so the run lives in a static
/// <see cref="SharedRun{T}"/> and whichever test initializes first makes it while the others wait.
/// </summary>
public sealed class SharedRun<T>
    where T : class
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;

    public T Value => _value ?? throw new InvalidOperationException("The shared run is read before a test's InitializeAsync made it.");

    public async Task EnsureAsync(Func<Task<T>> run)
    {
        await _gate.WaitAsync();
        try
        {
            _value ??= await run();
        }
        finally
        {
            _gate.Release();
        }
    }
}
