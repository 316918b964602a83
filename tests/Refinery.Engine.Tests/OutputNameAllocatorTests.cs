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
    public void A_reserved_name_is_never_given_out_but_numbered_like_a_taken_one()
    {
        var names = new OutputNameAllocator(name => name.EndsWith("_aug1_Flip.jpg", StringComparison.Ordinal));

        Assert.Equal("cat/1_aug1_Flip_2.jpg", names.Allocate("cat/1_aug1_Flip.jpg"));
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

    [Fact]
    public void A_name_taken_literally_is_skipped_when_numbering()
    {
        var names = new OutputNameAllocator();
        names.Allocate("1.jpg");
        names.Allocate("1_2.jpg");
        Assert.Equal("1_3.jpg", names.Allocate("1.jpg"));
        Assert.Equal("1_4.JPG", names.Allocate("1.JPG"));
    }

    [Fact]
    public void Many_listings_of_one_name_cost_a_constant_number_of_probes_each()
    {
        const int Listings = 20_000;
        var names = new OutputNameAllocator();

        var allocated = Enumerable.Range(0, Listings).Select(_ => names.Allocate("cat/1.jpg")).ToList();

        Assert.Equal("cat/1_20000.jpg", allocated[^1]);
        Assert.Equal(Listings, allocated.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.True(names.Probes < 2L * Listings, $"{names.Probes} probes for {Listings} names");
    }

    [Property]
    public Property Every_allocated_name_is_unique(string[] wanted)
    {
        var names = new OutputNameAllocator();
        var allocated = wanted.Where(name => name is not null).Select(names.Allocate).ToList();
        return (allocated.Distinct(StringComparer.OrdinalIgnoreCase).Count() == allocated.Count).ToProperty();
    }
}
