using Microsoft.EntityFrameworkCore;
using Refinery.Catalog.Records;

namespace Refinery.Catalog;

/// <summary>
/// The catalog: projects, users, credentials, tasks, versions, shards, per-sample results, datasets, the workers and
/// leases that share the work and, when shared, the installation's keys.
/// </summary>
public sealed class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    public DbSet<ProjectRecord> Projects => Set<ProjectRecord>();

    public DbSet<ApiTokenRecord> ApiTokens => Set<ApiTokenRecord>();

    public DbSet<AccessKeyRecord> AccessKeys => Set<AccessKeyRecord>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<ProcessorTaskRecord> Tasks => Set<ProcessorTaskRecord>();

    public DbSet<TaskVersionRecord> Versions => Set<TaskVersionRecord>();

    public DbSet<ShardRecord> Shards => Set<ShardRecord>();

    public DbSet<SampleResultRecord> Results => Set<SampleResultRecord>();

    public DbSet<WorkerRecord> Workers => Set<WorkerRecord>();

    public DbSet<LeaseRecord> Leases => Set<LeaseRecord>();

    public DbSet<DatasetRecord> Datasets => Set<DatasetRecord>();

    public DbSet<DatasetVersionRecord> DatasetVersions => Set<DatasetVersionRecord>();

    public DbSet<InstallationKeyRecord> InstallationKeys => Set<InstallationKeyRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ProjectRecord>(entity =>
        {
            entity.ToTable("projects");
            entity.HasKey(project => project.ProjectId);
            entity.Property(project => project.ProjectId).HasMaxLength(32);
        });

        modelBuilder.Entity<ApiTokenRecord>(entity =>
        {
            entity.ToTable("api_tokens");
            entity.HasKey(token => token.TokenHash);
            entity.HasIndex(token => token.ProjectId);
        });

        modelBuilder.Entity<AccessKeyRecord>(entity =>
        {
            entity.ToTable("access_keys");
            entity.HasKey(key => key.AccessKey);
            entity.HasIndex(key => key.ProjectId);
        });

        modelBuilder.Entity<UserRecord>(entity =>
        {
            entity.ToTable("users");
            entity.HasKey(user => user.UserId);
            entity.HasIndex(user => user.Name).IsUnique();
        });

        modelBuilder.Entity<ProcessorTaskRecord>(entity =>
        {
            entity.ToTable("processor_tasks");
            entity.HasKey(task => task.TaskId);
            entity.Property(task => task.TaskId).HasMaxLength(19);
            entity.HasIndex(task => new { task.ProjectId, task.WorkspaceId, task.Name }).IsUnique();
            entity.HasIndex(task => new { task.ProjectId, task.CreateTime });
            entity.HasIndex(task => new { task.ProjectId, task.TemplateId, task.InputKey, task.CreateTime });
        });

        modelBuilder.Entity<TaskVersionRecord>(entity =>
        {
            entity.ToTable("task_versions");
            entity.HasKey(version => version.VersionId);
            entity.Property(version => version.VersionId).HasMaxLength(19);
            entity.HasIndex(version => new { version.TaskId, version.Sequence }).IsUnique();
            entity.HasIndex(version => version.Status);
        });

        modelBuilder.Entity<ShardRecord>(entity =>
        {
            entity.ToTable("shards");
            entity.HasKey(shard => new { shard.VersionId, shard.ShardIndex });
        });

        modelBuilder.Entity<WorkerRecord>(entity =>
        {
            entity.ToTable("workers");
            entity.HasKey(worker => worker.WorkerId);
        });

        modelBuilder.Entity<LeaseRecord>(entity =>
        {
            entity.ToTable("leases");
            entity.HasKey(lease => lease.Name);
        });

        modelBuilder.Entity<DatasetRecord>(entity =>
        {
            entity.ToTable("datasets");
            entity.HasKey(dataset => dataset.DatasetId);
            entity.HasIndex(dataset => new { dataset.ProjectId, dataset.WorkspaceId, dataset.Name }).IsUnique();
            entity.HasIndex(dataset => dataset.Status);
        });

        modelBuilder.Entity<DatasetVersionRecord>(entity =>
        {
            entity.ToTable("dataset_versions");
            entity.HasKey(version => version.VersionId);
            entity.HasIndex(version => new { version.DatasetId, version.Name }).IsUnique();
        });

        modelBuilder.Entity<SampleResultRecord>(entity =>
        {
            entity.ToTable("sample_results");
            entity.HasKey(result => new { result.VersionId, result.SampleId });
            entity.HasIndex(result => new { result.VersionId, result.Ordinal, result.AddedIndex });
            entity.HasIndex(result => new { result.VersionId, result.ResultProperty, result.Ordinal, result.AddedIndex });
        });

        modelBuilder.Entity<InstallationKeyRecord>(entity =>
        {
            entity.ToTable("installation_keys");
            entity.HasKey(key => key.Name);
            entity.Property(key => key.Name).HasMaxLength(32);
        });
    }
}
