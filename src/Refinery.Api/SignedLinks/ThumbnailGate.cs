namespace Refinery.Api.SignedLinks;

/// <summary>
/// How many thumbnails render at once. A request waits for a turn before it reads its source, so the requests queued
/// behind a gallery page hold a connection each, not a source image each; a client that goes away leaves the queue.
/// </summary>
public sealed class ThumbnailGate(int concurrency) : IDisposable
{
    private readonly SemaphoreSlim _turns = new(concurrency, concurrency);

    /// <summary>Waits for a turn; disposing the result ends it.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _turns.WaitAsync(cancellationToken);
        return new Turn(_turns);
    }

    public void Dispose() => _turns.Dispose();

    private sealed class Turn(SemaphoreSlim turns) : IDisposable
    {
        private int _ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _ended, 1) == 0)
            {
                turns.Release();
            }
        }
    }
}
