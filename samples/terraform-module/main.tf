# A Terraform module, read as source (no `terraform plan`): deployers change functions only with
# MFA in the last hour, but the statement added later for deleting them has no condition, and the
# role's trust policy lets a partner account in without MFA.

variable "partner_account" {
  default = "210987654321"
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "ReadEverywhere"
    actions   = ["lambda:List*"]
    resources = ["*"]
  }

  statement {
    sid       = "ChangeFunctionsWithMfa"
    actions   = ["lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration"]
    resources = ["arn:aws:lambda:*:*:function:app-*"]

    condition {
      test     = "NumericLessThan"
      variable = "aws:MultiFactorAuthAge"
      values   = ["3600"]
    }
  }

  statement {
    sid       = "DeleteFunctions"
    actions   = ["lambda:DeleteFunction"]
    resources = ["arn:aws:lambda:*:*:function:app-*"]
  }
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}

resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::${var.partner_account}:root" }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}
