using Refinery.Operators.Augmentation;

namespace Refinery.Operators.Tests.Augmentation;

/// <summary>The names augmented copies take, and the shape the planner keeps inputs out of.</summary>
public sealed class AugmentedNamesTests
{
    [Fact]
    public void A_copy_is_named_after_its_parent_the_operator_number_and_name_in_the_parent_folder()
    {
        Assert.Equal("cat/1_aug3_Rotate", AugmentedNames.Stem("cat/1.jpg", 2, "Rotate"));
        Assert.Equal("street.x_aug1_Flip", AugmentedNames.Stem("street.x.png", 0, "Flip"));
    }

    [Theory]
    [InlineData("cat/1_aug3_Rotate.jpg", true)]
    [InlineData("cat/1_AUG12_flip.PNG", true)]
    [InlineData("cat/1_aug3_Rotate_2.jpg", false)]
    [InlineData("cat/1_aug_Rotate.jpg", false)]
    [InlineData("cat/1.jpg", false)]
    public void Names_of_the_copy_shape_are_reserved(string name, bool reserved) => Assert.Equal(reserved, AugmentedNames.IsReserved(name));
}
