Console.WriteLine("wb6graph");
