data "aws_iam_policy_document" "operator_trust" {
  statement {
    sid     = "OperatorsFromToolingAccount"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
  statement {
    sid     = "Lambda"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

data "aws_iam_policy_document" "backups" {
  statement {
    sid       = "DeleteBackupsWithMfa"
    actions   = ["s3:DeleteObject"]
    resources = ["arn:aws:s3:::example-backups/*"]
    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["300"]
    }
    condition {
      test     = "NumericGreaterThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["900"]
    }
  }
}

resource "aws_iam_policy" "backups" {
  name   = "backups"
  policy = data.aws_iam_policy_document.backups.json
}
