using Herald.Server.Providers;

namespace Herald.Server.Tests.Providers;

public sealed class SnsUrlPolicyTests
{
    [Theory]
    [InlineData("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.eu-central-2.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-abc.pem")]
    [InlineData("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-abc.pem")]
    [InlineData("https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-abc.pem")]
    public void Regional_SNS_hosts_over_https_are_trusted(string url) => SnsUrlPolicy.IsSigningCertUrl(url).ShouldBeTrue();

    [Theory]
    [InlineData("https://sns.amazonaws.com/x.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com.cn.evil.com/x.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com./x.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.co/x.pem")]
    [InlineData("https://sns.us_east-1.amazonaws.com/x.pem")]
    [InlineData("https://sqs.us-east-1.amazonaws.com/x.pem")]
    [InlineData("https://sns.us-east-1.amazonaws.com/x.pem?.evil.com")]
    [InlineData("ftp://sns.us-east-1.amazonaws.com/x.pem")]
    [InlineData("not a url")]
    public void Anything_else_is_not(string url) => SnsUrlPolicy.IsSigningCertUrl(url).ShouldBeFalse();
}
