using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace WithUs.Web.Features.Account;

/// <summary>Identity maps the rest of the user (WithUsDbContext's base class); this adds what is ours.</summary>
internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
    }
}
