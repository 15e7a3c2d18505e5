#include "input/adapters.h"

#include <utility>

namespace mfalint::input {

std::string_view attached_resource_type(std::string_view type) {
  static constexpr std::pair<std::string_view, std::string_view> kAttached[] = {
      {"AWS::S3::BucketPolicy", "AWS::S3::Bucket"},
      {"AWS::SNS::TopicPolicy", "AWS::SNS::Topic"},
      {"AWS::SQS::QueuePolicy", "AWS::SQS::Queue"},
      {"AWS::KMS::Key", "AWS::KMS::Key"},
      {"aws_s3_bucket_policy", "AWS::S3::Bucket"},
      {"aws_sns_topic_policy", "AWS::SNS::Topic"},
      {"aws_sqs_queue_policy", "AWS::SQS::Queue"},
      {"aws_kms_key", "AWS::KMS::Key"},
      {"aws_secretsmanager_secret_policy", "AWS::SecretsManager::Secret"},
      {"aws_ecr_repository_policy", "AWS::ECR::Repository"},
  };
  for (const auto& [holder, attached] : kAttached) {
    if (holder == type) return attached;
  }
  return {};
}

}  // namespace mfalint::input
