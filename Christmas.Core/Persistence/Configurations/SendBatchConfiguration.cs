using Christmas.Core.Delivery.Batches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Christmas.Core.Persistence.Configurations;

public sealed class SendBatchConfiguration : IEntityTypeConfiguration<SendBatch>
{
    public void Configure(EntityTypeBuilder<SendBatch> b)
    {
        b.ToTable("SendBatches");
        b.Ignore(x => x.IdempotencyKey);
    }
}
