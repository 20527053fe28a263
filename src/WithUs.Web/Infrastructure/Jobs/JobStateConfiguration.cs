using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Infrastructure.Jobs;

public sealed class JobStateConfiguration : IEntityTypeConfiguration<JobState>
{
    public void Configure(EntityTypeBuilder<JobState> builder)
    {
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(JobState.NameMaxLength);
        builder.Property(j => j.LeasedBy).HasMaxLength(JobState.LeasedByMaxLength);
        builder.Property(j => j.LastError).HasMaxLength(JobState.LastErrorMaxLength);
    }
}
