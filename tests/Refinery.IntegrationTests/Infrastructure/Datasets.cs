namespace Refinery.IntegrationTests.Infrastructure;

/// <summary>Folders of generated images laid out in the <c>imgs</c> bucket.</summary>
public static class Datasets
{
    /// <summary>A few small good JPEGs in <c>imgs/&lt;folder&gt;/</c>; returns the OBS path of the folder.</summary>
    public static string SmallFolder(RefineryInstance server, string folder, int count = 3)
    {
        for (var index = 0; index < count; index++)
        {
            server.WriteImage($"{folder}/img{index}.jpg", TestImages.Jpeg(64, 48, index + 1));
        }

        return $"obs://imgs/{folder}";
    }

    /// <summary>
    /// Enough large images that a validation run with resizing takes several seconds on two cores, so tests can
    /// act on it while it runs. One encoded image is copied under many names: generating each would be slow.
    /// </summary>
    public static string SlowFolder(RefineryInstance server, string folder, int count)
    {
        var image = TestImages.Jpeg(3000, 2000, 7);
        for (var index = 0; index < count; index++)
        {
            server.WriteImage($"{folder}/img{index:D4}.jpg", image);
        }

        return $"obs://imgs/{folder}";
    }
}
