using Refinery.Engine.Planning;

namespace Refinery.Engine.Tests;

public sealed class LabelFolderNameTests
{
    [Theory]
    [InlineData("cat", "cat")]
    [InlineData("chat noir", "chat noir")]
    [InlineData("../../outside", ".._.._outside")]
    [InlineData("..", "__")]
    [InlineData(".", "_")]
    [InlineData("", "_")]
    [InlineData("a\\b", "a_b")]
    [InlineData("line\nbreak", "line_break")]
    [InlineData(".refinery-tmp-x", "_.refinery-tmp-x")]
    public void A_label_becomes_one_segment_every_store_accepts(string label, string folder) =>
        Assert.Equal(folder, LabelFolderName.From(label));
}
