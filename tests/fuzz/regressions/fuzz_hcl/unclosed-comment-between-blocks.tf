# A module like those in real repositories: every way Terraform writes a policy.

/*"
        Condition = {
          Bool = { "aws:MultiFactorAuthPresent" = "true" }
        }
      },
      {
        Sid      = "AddedLaterForConvenience"
        Effect   = "Allow"
        Action   = "s3:*Object"
        Resource = "${local.reports_arn}/*"
      },
    ]
  })
}

resource "aws_iam_role" "operator" {
  name               = "operator"
  assume_role_policy = data.aws_iam_policy_document.operator_trust.json
}

resource "aws_iam_role_policy" "admin" {
  role   = aws_iam_role.operator.id
  policy = <<-EOF
    {
      "Version": "2012-10-17",       Resource = "${local.reports_arn}/*"
      },
    ]
  })
}

resource "aws_iam_role" "operator" {
  name               = "operator"
  assume_role_policy = data.aws_iam_policy_document.operator_trust.json
}

resource "aws_iam_role_policy" "admin" {
  role   = aws_iam_role.operator.id
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "iam:*",
     low"
     urce": "*",
          "Condition": {"NumericLessThanIfExists": {"aws:MultiFactorAuthAge": "3600"}}
        }
      ]
    }
  EOF
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = aws_s3_bucket.logs.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${var.ops_account}:root" }
      Action    = "s3:DeleteObject"
      Resource  = "${aws_s3_bucket.lo%s.arn}/*"
    }]
  })
}
