using Christmas.Core.Sequences;

namespace Christmas.Tests.Core.Sequences;

public class StepTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly StepDefinition Definition = new(2, "assessment-2", TimeSpan.FromHours(24), TimeSpan.FromMinutes(1));

    [Fact]
    public void BeginSending_IsRefused_BeforeTheStepIsDue()
    {
        var step = Step.Scheduled(Definition, Now.AddSeconds(1));
        Assert.Throws<InvalidStepTransitionException>(() => step.BeginSending(Now));
        Assert.Equal(StepStatus.Scheduled, step.Status);
    }

    [Fact]
    public void AMemberOfAPostedBatch_WaitingForItsRetry_IsNotCancelled_AndJoinsNoOtherBatch()
    {
        var step = Step.Scheduled(Definition, Now);
        step.BeginSending(Now);
        step.JoinBatch(7, 3, "{}");
        step.MarkAttemptFailed("Resend 500", Now.AddSeconds(30));

        // The provider may already have it: the batch goes again as stored, with this email in it.
        step.Cancel("sequence ended");
        Assert.Equal((StepStatus.Scheduled, 7L, 3), (step.Status, step.BatchId, step.BatchIndex));
        Assert.False(step.CanJoinBatch);
        step.BeginSending(Now.AddSeconds(30));
        Assert.Throws<InvalidStepTransitionException>(() => step.JoinBatch(8, 0, "{}"));

        // An operator's re-send after it went is a new send of its own, free to join a new batch.
        step.MarkSent(Now.AddSeconds(31), "msg-1");
        step.RequestResend(Now.AddMinutes(1));
        Assert.Equal((null, null, true), (step.BatchId, step.BatchIndex, step.CanJoinBatch));
    }

    [Fact]
    public void MarkSent_RecordsProviderIdTimeAndScheduler()
    {
        var step = Step.Scheduled(Definition, Now);
        step.BeginSending(Now);
        step.MarkSent(Now.AddSeconds(1), "msg-1");

        Assert.Equal(StepStatus.Sent, step.Status);
        Assert.Equal(SentBy.Scheduler, step.SentBy);
        Assert.Equal("msg-1", step.ProviderMessageId);
        Assert.Equal(1, step.Attempts);
    }

    [Fact]
    public void MarkAttemptFailed_RetriesLater_OrFailsForGood()
    {
        var step = Step.Scheduled(Definition, Now);
        step.BeginSending(Now);
        step.MarkAttemptFailed("timeout", Now.AddSeconds(30));
        Assert.Equal(StepStatus.Scheduled, step.Status);
        Assert.Equal(Now.AddSeconds(30), step.NotBefore);
        Assert.Equal(Now, step.DueAt);

        step.BeginSending(Now.AddSeconds(30));
        step.MarkAttemptFailed("422 invalid_from_address", null);
        Assert.Equal(StepStatus.Failed, step.Status);
        Assert.Equal("422 invalid_from_address", step.LastError);
        Assert.Equal(2, step.Attempts);
    }

    [Fact]
    public void RecoveredClaim_KeepsItsIdempotencyKey_ButAResendGetsANewOne()
    {
        var step = Step.Scheduled(Definition, Now);
        var original = step.IdempotencyKey;
        step.BeginSending(Now);
        step.RecoverStaleClaim();
        Assert.Equal(original, step.IdempotencyKey);

        step.BeginSending(Now);
        step.MarkSent(Now, "msg-1");
        step.RequestResend(Now.AddHours(1));
        Assert.Equal(StepStatus.Scheduled, step.Status);
        Assert.NotEqual(original, step.IdempotencyKey);
        Assert.True(step.ManualSend);
    }

    [Fact]
    public void RequestResend_IsRefused_WhileTheStepIsBeingSent()
    {
        var step = Step.Scheduled(Definition, Now);
        step.BeginSending(Now);
        Assert.Throws<InvalidStepTransitionException>(() => step.RequestResend(Now));
    }

    [Fact]
    public void EndingASequence_CancelsItsScheduledSteps_AndLeavesSentOnesAlone()
    {
        var sent = Step.SentByWebsiteAt(new StepDefinition(1, "assessment-1", TimeSpan.Zero, TimeSpan.Zero, true), Now);
        var pending = Step.Scheduled(Definition, Now.AddDays(1));
        var sequence = new Sequence(1, "assessment", SequenceMode.Production, "k", Now, Now, "{}", "e", [sent, pending]);

        Assert.True(sequence.End("converted", Now));
        Assert.Equal(SequenceStatus.Cancelled, sequence.Status);
        Assert.Equal(StepStatus.Sent, sent.Status);
        Assert.Equal(StepStatus.Cancelled, pending.Status);
        Assert.Equal("converted", pending.LastError);
        Assert.False(sequence.End("again", Now));
    }

    [Fact]
    public void ASequenceWhoseStepsAreAllOverdue_IsSkippedAtCreation_WithWhy()
    {
        var skipped = Step.Skipped(Definition, Now.AddDays(-3), "overdue");
        var sequence = new Sequence(1, "assessment", SequenceMode.Production, "k", Now, Now, "{}", "e", [skipped]);
        Assert.Equal((SequenceStatus.Skipped, "nothing sent: overdue"), (sequence.Status, sequence.EndedReason));
    }
}
