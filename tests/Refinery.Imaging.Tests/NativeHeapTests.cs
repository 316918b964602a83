using OpenCvSharp;

namespace Refinery.Imaging.Tests;

public sealed class NativeHeapTests
{
    [Fact]
    public void Releasing_free_memory_after_large_native_buffers_never_throws_and_leaves_live_buffers_intact()
    {
        using var live = new Mat(1200, 1600, MatType.CV_8UC3, Scalar.All(7));
        for (var i = 0; i < 4; i++)
        {
            using var freed = new Mat(1000 + (i * 100), 1500, MatType.CV_32FC1, Scalar.All(i));
        }

        var released = NativeHeap.ReleaseFreeMemory();
        var again = NativeHeap.ReleaseFreeMemory(); // it is called once per shard, from any thread

        Assert.Equal(7, live.At<Vec3b>(1199, 1599).Item2);
        Assert.Equal(OperatingSystem.IsLinux(), released); // Debian: glibc's malloc_trim was found and called
        Assert.Equal(released, again);
    }
}
