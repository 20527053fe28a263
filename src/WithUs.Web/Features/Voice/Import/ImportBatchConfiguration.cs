using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Voice.Import;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(ImportBatch.FileNameMaxLength);
        builder.Property(i => i.Message).HasMaxLength(ImportBatch.MessageMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(i => i.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.OrganisationId, i.CreatedAtUtc });
        builder.HasIndex(i => i.Status);
    }
}
