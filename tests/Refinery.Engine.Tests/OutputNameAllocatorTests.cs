using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Refinery.Engine.Planning;

namespace Refinery.Engine.Tests;

public sealed class OutputNameAllocatorTests
{
    [Fact]
    public void A_free_name_is_kept()
    {
        var names = new OutputNameAllocator();
        Assert.Equal("cat/1.jpg", names.Allocate("cat/1.jpg"));
    }

    [Fact]
    public void A_taken_name_gets_a_numbered_stem_in_the_same_folder()
    {
        var names = new OutputNameAllocator();
        names.Allocate("cat/1.jpg");
        Assert.Equal("cat/1_2.jpg", names.Allocate("cat/1.jpg"));
        Assert.Equal("cat/1_3.jpg", names.Allocate("cat/1.jpg"));
    }

    [Fact]
    public void Names_differing_only_in_case_collide_because_outputs_may_land_on_case_insensitive_stores()
    {
        var names = new OutputNameAllocator();
        names.Allocate("cat/A.jpg");
        Assert.Equal("cat/a_2.jpg", names.Allocate("cat/a.jpg"));
    }

    [Fact]
    public void A_dot_in_a_folder_name_is_not_taken_for_an_extension()
    {
        var names = new OutputNameAllocator();
        names.Allocate("v1.2/readme");
        Assert.Equal("v1.2/readme_2", names.Allocate("v1.2/readme"));
    }

    [Property]
    public Property Every_allocated_name_is_unique(string[] wanted)
    {
        var names = new OutputNameAllocator();
        var allocated = wanted.Where(name => name is not null).Select(names.Allocate).ToList();
        return (allocated.Distinct(StringComparer.OrdinalIgnoreCase).Count() == allocated.Count).ToProperty();
    }
}
