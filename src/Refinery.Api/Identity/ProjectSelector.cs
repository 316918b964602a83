using Refinery.Catalog.Records;

namespace Refinery.Api.Identity;

/// <summary>The project a sign-in asks to be scoped to: <c>scope.project.id</c> or <c>scope.project.name</c>.</summary>
public sealed record ProjectSelector(string? Id, string? Name)
{
    public bool Selects(ProjectRecord project) =>
        Id is not null ? Id == project.ProjectId : Name == project.Name;
}
