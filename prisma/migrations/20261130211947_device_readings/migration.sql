-- CreateTable
CREATE TABLE "DeviceReading" (
    "id" TEXT NOT NULL,
    "deviceId" TEXT NOT NULL,
    "patient" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "observedAt" TIMESTAMP(3) NOT NULL,
    "resourceType" TEXT NOT NULL,
    "recordClass" TEXT NOT NULL,
    "ciphertextSha256" TEXT NOT NULL,
    "ciphertextSize" INTEGER NOT NULL,
    "wrappedKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeviceReading_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeviceReading_patient_createdAt_idx" ON "DeviceReading"("patient", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeviceReading_deviceId_sequence_key" ON "DeviceReading"("deviceId", "sequence");

