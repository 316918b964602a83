namespace Refinery.Domain;

/// <summary>What processing did to one sample, as the results endpoint reports it.</summary>
public enum ResultProperty
{
    Reserved = 0,
    Modified = 1,
    Deleted = 2,
    Added = 3,
}
