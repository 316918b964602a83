using Refinery.Domain;
using Refinery.Engine.Planning;

namespace Refinery.Engine.Tests;

public sealed class DuplicateListingsTests
{
    [Fact]
    public void Only_the_first_listing_of_a_source_is_planned()
    {
        var listings = new DuplicateListings();

        Assert.True(listings.IsFirstListing(new Sample("obs://b/1.jpg")));
        Assert.True(listings.IsFirstListing(new Sample("obs://b/2.jpg")));
        Assert.False(listings.IsFirstListing(new Sample("obs://b/1.jpg", Labels: ["other"])));
        Assert.False(listings.IsFirstListing(new Sample("obs://b/1.jpg")));
    }

    [Fact]
    public void Each_duplicate_is_reported_once_under_its_sample_id_with_how_often_it_was_listed()
    {
        var listings = new DuplicateListings();
        foreach (var source in new[] { "obs://b/1.jpg", "obs://b/2.jpg", "obs://b/1.jpg", "obs://b/1.jpg", "obs://b/3.jpg", "obs://b/3.jpg" })
        {
            listings.IsFirstListing(new Sample(source));
        }

        Assert.Equal(
            [new DuplicateListing(SampleIds.ForSource("obs://b/1.jpg"), 3), new DuplicateListing(SampleIds.ForSource("obs://b/3.jpg"), 2)],
            listings.Duplicates.OrderBy(listing => listing.Listings).Reverse());
    }

    [Fact]
    public void Sources_differing_only_in_case_are_different_samples()
    {
        var listings = new DuplicateListings();

        Assert.True(listings.IsFirstListing(new Sample("obs://b/A.jpg")));
        Assert.True(listings.IsFirstListing(new Sample("obs://b/a.jpg")));
        Assert.Empty(listings.Duplicates);
    }
}
