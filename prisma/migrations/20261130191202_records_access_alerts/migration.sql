-- CreateTable
CREATE TABLE "ChainRecord" (
    "id" TEXT NOT NULL,
    "patient" TEXT NOT NULL,
    "author" TEXT NOT NULL,
    "authorOrganizationId" TEXT,
    "resourceType" TEXT NOT NULL,
    "recordClass" TEXT NOT NULL,
    "ciphertextSha256" TEXT NOT NULL,
    "ciphertextSize" BIGINT NOT NULL,
    "vaultLocator" TEXT NOT NULL,
    "amends" TEXT,
    "supersedes" TEXT,
    "supersededBy" TEXT,
    "height" BIGINT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChainRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainGrant" (
    "id" BIGINT NOT NULL,
    "patient" TEXT NOT NULL,
    "grantee" TEXT,
    "granteeOrganizationId" TEXT,
    "kind" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "scopeAll" BOOLEAN NOT NULL,
    "scopeClasses" TEXT[],
    "scopeRecordIds" TEXT[],
    "recordsFrom" TIMESTAMP(3),
    "start" TIMESTAMP(3) NOT NULL,
    "end" TIMESTAMP(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "ruleId" BIGINT,
    "alertId" TEXT,
    "organizationId" TEXT,
    "createdBy" TEXT NOT NULL,
    "revoked" BOOLEAN NOT NULL,
    "revokedHeight" BIGINT,
    "revokedTime" TIMESTAMP(3),
    "createdHeight" BIGINT NOT NULL,
    "createdTime" TIMESTAMP(3) NOT NULL,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainGrant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainEmergencyRule" (
    "id" BIGINT NOT NULL,
    "patient" TEXT NOT NULL,
    "triggerCode" TEXT NOT NULL,
    "grantee" TEXT,
    "granteeOrganizationId" TEXT,
    "classes" TEXT[],
    "lookBackSeconds" BIGINT NOT NULL,
    "durationSeconds" BIGINT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdHeight" BIGINT NOT NULL,
    "updatedHeight" BIGINT NOT NULL,

    CONSTRAINT "ChainEmergencyRule_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainAccessLogEntry" (
    "id" BIGINT NOT NULL,
    "patient" TEXT NOT NULL,
    "reader" TEXT NOT NULL,
    "recordId" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "grantId" BIGINT NOT NULL,
    "vault" TEXT NOT NULL,
    "height" BIGINT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChainAccessLogEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ChainAlert" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "patient" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "submitter" TEXT NOT NULL,
    "grantIds" BIGINT[],
    "height" BIGINT NOT NULL,
    "time" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChainAlert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ChainRecord_patient_time_idx" ON "ChainRecord"("patient", "time" DESC);

-- CreateIndex
CREATE INDEX "ChainRecord_patient_recordClass_time_idx" ON "ChainRecord"("patient", "recordClass", "time" DESC);

-- CreateIndex
CREATE INDEX "ChainGrant_patient_id_idx" ON "ChainGrant"("patient", "id" DESC);

-- CreateIndex
CREATE INDEX "ChainGrant_grantee_end_idx" ON "ChainGrant"("grantee", "end");

-- CreateIndex
CREATE INDEX "ChainGrant_granteeOrganizationId_end_idx" ON "ChainGrant"("granteeOrganizationId", "end");

-- CreateIndex
CREATE INDEX "ChainEmergencyRule_patient_idx" ON "ChainEmergencyRule"("patient");

-- CreateIndex
CREATE INDEX "ChainAccessLogEntry_patient_id_idx" ON "ChainAccessLogEntry"("patient", "id" DESC);

-- CreateIndex
CREATE INDEX "ChainAccessLogEntry_reader_id_idx" ON "ChainAccessLogEntry"("reader", "id" DESC);

-- CreateIndex
CREATE INDEX "ChainAlert_patient_height_idx" ON "ChainAlert"("patient", "height" DESC);

