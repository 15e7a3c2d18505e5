variable "bucket" {
  type    = string
  default = "example-reports"
}

# No default: known only when the module is applied.
variable "ops_account" {
  type = string
}

locals {
  reports_arn = "arn:aws:s3:::${var.bucket}"
}
